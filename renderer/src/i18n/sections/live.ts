/** Messages of the live view: the watch budget and new sessions. Merged into en.ts and zh-CN.ts. */
import type { Messages } from '../messages'

export const en = {
  live: {
    budget: 'Live: {{watched}} / {{budget}} paths',
    budgetTitle: 'Paths this connection keeps live with ZooKeeper watches (expanded and open nodes, followed subtrees), out of its budget.',
    notLive_one: '{{count, number}} path not live',
    notLive_other: '{{count, number}} paths not live',
    notLiveTitle: 'Over the watch budget of {{budget}} paths: these are shown but not kept live',
    andMore_one: '… and {{count, number}} more',
    andMore_other: '… and {{count, number}} more',
    raiseBudget: 'They refresh only when reloaded. Raise the budget in Settings, or collapse nodes you no longer need.',
    newSessionShort: 'New session: the previous one expired',
    newSession: 'New session: the previous one expired. Ephemeral nodes it owned are gone; watches were set again.',
    lostNodes: 'Gone with it: {{paths}}',
    renewing: 'A new session is being opened; the view carries on once it is connected',
    settingBudget: 'Watch budget per connection',
    settingBudgetHint: 'How many paths each connection may keep live with watches (1 to 100,000). Past it, the status bar says what is not live.',
    settingBudgetUnit: 'paths',
    settingBudgetInvalid: 'Enter a whole number from 1 to 100,000.',
  },
}

export const zhCN: Messages<typeof en> = {
  live: {
    budget: '实时：{{watched}} / {{budget}} 个路径',
    budgetTitle: '此连接通过 ZooKeeper watch 保持实时的路径数（已展开和已打开的节点、跟踪的子树），以及上限。',
    notLive_one: '{{count, number}} 个路径未实时更新',
    notLive_other: '{{count, number}} 个路径未实时更新',
    notLiveTitle: '超出 {{budget}} 个路径的 watch 上限：以下路径仍会显示，但不会实时更新',
    andMore_one: '……另有 {{count, number}} 个',
    andMore_other: '……另有 {{count, number}} 个',
    raiseBudget: '这些路径只在重新加载时刷新。可在设置中提高上限，或折叠不再需要的节点。',
    newSessionShort: '新会话：之前的会话已过期',
    newSession: '新会话：之前的会话已过期。它拥有的临时节点已消失；watch 已重新设置。',
    lostNodes: '随之消失：{{paths}}',
    renewing: '正在打开新会话；连接后视图会继续',
    settingBudget: '每个连接的 watch 上限',
    settingBudgetHint: '每个连接最多可通过 watch 保持实时的路径数（1 到 100,000）。超出后，状态栏会说明哪些路径未实时更新。',
    settingBudgetUnit: '个路径',
    settingBudgetInvalid: '请输入 1 到 100,000 之间的整数。',
  },
}
