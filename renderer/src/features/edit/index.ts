/** What other features use from editing: the write policy the node panel's data editor asks through. */
export { useWriteGuard, useEditCapabilities, askToWrite, type WriteGuard } from './write-guard'
export { newOperationId, useOperation } from './use-operation'
export { requestEditAction } from './action-requests'
