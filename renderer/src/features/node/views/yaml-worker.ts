/** Checks large YAML off the UI thread: one message in (id, text), one out (id, check). */
import { checkYamlFully } from './yaml-check'

export interface YamlWorkerRequest {
  id: number
  text: string
}

addEventListener('message', (event: MessageEvent<YamlWorkerRequest>) => {
  const { id, text } = event.data
  postMessage({ id, check: checkYamlFully(text) })
})
