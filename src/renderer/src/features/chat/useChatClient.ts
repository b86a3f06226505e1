import { useEffect, useState } from 'react'
import { ChatClient } from './chatClient'
import type { ChatReply } from './chatProtocol'

/** The chat panel's counting worker, owned by the component: answers go to the latest `onReply`; it ends on unmount. */
export function useChatClient(onReply: (reply: ChatReply) => void): ChatClient {
  const [client] = useState(() => new ChatClient())
  useEffect(() => {
    client.listen(onReply)
  })
  useEffect(() => () => client.dispose(), [client])
  return client
}
