// The part of autocannon's API the API benchmark uses (the package ships no types).
declare module 'autocannon' {
  type Options = { url: string; connections: number; duration: number; headers?: Record<string, string>; timeout?: number }
  type Result = { requests: { average: number; total: number }; timeouts: number; errors: number; statusCodeStats: Record<string, { count: number }> }
  type Instance = Promise<Result> & {
    on(event: 'response', listener: (client: unknown, statusCode: number, resBytes: number, responseTime: number) => void): void
  }
  export default function autocannon(options: Options): Instance
}
