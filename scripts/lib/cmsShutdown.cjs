/* eslint-disable @typescript-eslint/no-require-imports -- preloaded with `node --require`, before any loader */
/**
 * Preloaded into `next start` by `npm start` (`node --require`, with
 * NEXT_MANUAL_SIG_HANDLE=true): on SIGINT or SIGTERM the CMS stops taking connections,
 * lets requests in progress finish for a few seconds, then closes every connection
 * left. Next's own handler waits for connections clients keep open (a browser, an API
 * client after a login), so Ctrl-C could not stop it.
 */
const http = require('node:http')

const servers = new Set()
const sockets = new Set()
const listen = http.Server.prototype.listen
http.Server.prototype.listen = function (...args) {
  servers.add(this)
  this.on('connection', (socket) => {
    sockets.add(socket)
    socket.once('close', () => sockets.delete(socket))
  })
  return listen.apply(this, args)
}

let stopping = false
function stop() {
  if (stopping) return
  stopping = true
  let open = servers.size
  if (open === 0) process.exit(0)
  for (const server of servers) {
    server.close(() => {
      if (--open === 0) process.exit(0)
    })
    server.closeIdleConnections()
  }
  setTimeout(() => {
    for (const socket of sockets) socket.destroy()
  }, 4000).unref()
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
