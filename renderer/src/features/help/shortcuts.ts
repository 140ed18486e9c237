/**
 * Every keyboard shortcut of the console, for the shortcuts dialog. Keys are
 * written as the user presses them; "Mod" is Ctrl, or ⌘ on macOS. The
 * actions are catalogue keys under `help.action`. Keep this list in step
 * with the handlers it names (tree-keys.ts, use-tree-keyboard.ts,
 * use-panel-shortcuts.ts, use-tree-sync.ts, NodeTabs.tsx, MetricChart.tsx).
 */
import type { en as helpMessages } from '../../i18n/sections/help'

/** Names of the catalogue (a missing one is a compile error). */
type GroupKey = keyof typeof helpMessages.help.group
type ActionKey = keyof typeof helpMessages.help.action

export interface Shortcut {
  /** Alternatives, each a chord like "Mod+Shift+F". */
  keys: readonly string[]
  action: ActionKey
}

export interface ShortcutGroup {
  group: GroupKey
  shortcuts: readonly Shortcut[]
}

export const SHORTCUTS: readonly ShortcutGroup[] = [
  {
    group: 'tree',
    shortcuts: [
      { keys: ['↑', '↓'], action: 'moveRow' },
      { keys: ['→', '←'], action: 'expandCollapse' },
      { keys: ['Home', 'End'], action: 'firstLast' },
      { keys: ['a…z'], action: 'typeAhead' },
      { keys: ['Enter'], action: 'openNode' },
      { keys: ['Mod+Enter'], action: 'openInNewTab' },
      { keys: ['Backspace'], action: 'goParent' },
      { keys: ['F5'], action: 'refresh' },
      { keys: ['Mod+F'], action: 'filterChildren' },
      { keys: ['Mod+Shift+F'], action: 'searchHere' },
      { keys: ['Mod+C'], action: 'copyPath' },
      { keys: ['Shift+F10', 'Menu'], action: 'contextMenu' },
      { keys: ['Delete'], action: 'deleteNode' },
    ],
  },
  {
    group: 'selection',
    shortcuts: [
      { keys: ['Mod+click', 'Space'], action: 'toggleMark' },
      { keys: ['Shift+click', 'Shift+↑', 'Shift+↓'], action: 'markRange' },
      { keys: ['Esc'], action: 'clearMarks' },
    ],
  },
  {
    group: 'workspace',
    shortcuts: [
      { keys: ['Mod+L'], action: 'goToPath' },
      { keys: ['Mod+Shift+F'], action: 'openSearch' },
      { keys: ['?', 'F1'], action: 'showShortcuts' },
    ],
  },
  {
    group: 'tabs',
    shortcuts: [
      { keys: ['←', '→', 'Home', 'End'], action: 'switchTab' },
      { keys: ['Delete'], action: 'closeTab' },
    ],
  },
  {
    group: 'charts',
    shortcuts: [
      { keys: ['←', '→'], action: 'pan' },
      { keys: ['+', '−'], action: 'zoom' },
      { keys: ['0', 'Esc'], action: 'resetZoom' },
    ],
  },
]

/** A chord as this platform writes it: "Mod" becomes ⌘ on macOS and Ctrl elsewhere. */
export function platformKeys(chord: string, mac: boolean): string {
  return chord.replace(/^Mod\+/, mac ? '⌘' : 'Ctrl+')
}
