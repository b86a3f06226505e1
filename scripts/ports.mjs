// Port helpers for the scripts that serve the renderer on 127.0.0.1.
import { createServer } from 'node:net'

/** A port the system has free on 127.0.0.1, so a server already running elsewhere never collides. */
export function anyFreePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address()
      srv.close(() => resolve(port))
    })
  })
}
