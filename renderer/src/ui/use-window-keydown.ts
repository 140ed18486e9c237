import { useEffect, useEffectEvent } from 'react'

/** Listens to every key press in the window for as long as the component is mounted; `onKey` may change freely. */
export function useWindowKeydown(onKey: (event: KeyboardEvent) => void): void {
  const handle = useEffectEvent(onKey)
  useEffect(() => {
    const listener = (event: KeyboardEvent) => handle(event)
    window.addEventListener('keydown', listener)
    return () => window.removeEventListener('keydown', listener)
  }, [])
}
