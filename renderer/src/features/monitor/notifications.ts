/**
 * Desktop notifications for alerts through the browser's Notification API
 * (the same API in Electron's renderer). Permission is asked only from a
 * click (browsers ignore requests without a user gesture); the choice to
 * be notified is remembered per origin. Texts are translated here because
 * notifications are raised from the event bridge, outside React.
 */
import type { i18n } from 'i18next'
import type { AlertEvent } from '../../../../shared/protocol/monitor-api'
import { createI18n } from '../../i18n/i18n'
import { selectLocale, useSettingsStore } from '../../stores/settings-store'
import { useMonitorStore } from '../../stores/monitor-store'
import { alertText, ruleTitle } from './alert-text'

const PREF_KEY = 'zk-console.monitor.notifications'

export type NotifyState = 'unsupported' | 'off' | 'on' | 'blocked'

function supported(): boolean {
  return typeof Notification !== 'undefined'
}

export function notifyState(): NotifyState {
  if (!supported()) return 'unsupported'
  if (Notification.permission === 'denied') return 'blocked'
  return Notification.permission === 'granted' && localStorage.getItem(PREF_KEY) === 'on' ? 'on' : 'off'
}

/** Call from a click: asks for permission when needed and remembers the choice. */
export async function enableNotifications(): Promise<NotifyState> {
  if (!supported()) return 'unsupported'
  const permission = Notification.permission === 'default' ? await Notification.requestPermission() : Notification.permission
  if (permission === 'granted') localStorage.setItem(PREF_KEY, 'on')
  return notifyState()
}

export function disableNotifications(): NotifyState {
  localStorage.removeItem(PREF_KEY)
  return notifyState()
}

let translator: i18n | null = null

function translatorFor(locale: string): i18n {
  translator ??= createI18n(selectLocale(useSettingsStore.getState()))
  if (translator.language !== locale) void translator.changeLanguage(locale)
  return translator
}

/** Shows fired alerts and leader changes (cleared ones stay in the app's history). */
export function notifyAlerts(events: readonly AlertEvent[]): void {
  if (notifyState() !== 'on') return
  const t = translatorFor(selectLocale(useSettingsStore.getState())).t
  for (const event of events) {
    if (event.kind === 'clear') continue
    const entry = useMonitorStore.getState().monitors[event.monitorId]
    const body = entry
      ? alertText(t, event, {
          members: entry.members,
          rules: entry.alertRules,
          snapshots: entry.latest?.members ?? [],
          terms: entry.leaderTerms,
          voters: entry.latest?.health.quorum.voters ?? null,
        })
      : event.message
    try {
      // The tag makes two windows showing the same alert raise one notification.
      new Notification(`${ruleTitle(t, event.ruleId)} · ${entry?.name ?? event.monitorId}`, { body, tag: event.id })
    } catch (error) {
      console.warn('notification failed', error)
    }
  }
}
