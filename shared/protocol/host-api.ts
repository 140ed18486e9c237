/**
 * What the host (the desktop app, not web mode) offers beyond ZooKeeper: the
 * operating system's file dialog, so export and import paths need not be typed.
 */
import { z } from 'zod'

export interface FilePickRequest {
  /** 'save' asks for a new or existing file to write; 'open' for an existing file to read. */
  mode: 'save' | 'open'
  /** Suggested file name (save) in the dialog. */
  defaultName?: string
  /** File name extensions without the dot, offered as the filter. */
  extensions?: string[]
}

export interface HostApi {
  /**
   * Shows the OS file dialog and resolves with the chosen absolute path, or null when the user
   * cancelled. Only the desktop host has one: elsewhere it rejects with INVALID_PARAMS.
   */
  pickFile(p: FilePickRequest): Promise<{ path: string | null }>
}

export const hostParamSchemas = {
  pickFile: z.strictObject({
    mode: z.enum(['save', 'open']),
    defaultName: z.string().min(1).max(255).optional(),
    extensions: z.array(z.string().regex(/^[A-Za-z0-9]{1,16}$/)).max(10).optional(),
  }),
}
