/** Resolves after the event loop has run once (a MessageChannel round trip, not clamped like setTimeout). */
export function yieldViaMessageChannel(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel()
    channel.port1.onmessage = () => {
      channel.port1.close()
      resolve()
    }
    channel.port2.postMessage(null)
  })
}
