/** Next runs this once per server process, before it takes requests. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  const { guardIncomingRequests } = await import('./security/incoming')
  guardIncomingRequests()
}
