// Minimal types for autocannon (it ships none); only what scripts/bench uses.
declare module "autocannon" {
  namespace autocannon {
    interface Instance {
      on(
        event: "response",
        listener: (client: unknown, statusCode: number, resBytes: number, responseTime: number) => void,
      ): Instance;
    }
    type Request = { method?: string; path?: string; headers?: Record<string, string>; body?: string };
    type Options = {
      url: string;
      connections?: number;
      duration?: number;
      requests?: { setupRequest?: (req: Request) => Request }[];
    };
    type Histogram = { average: number; p50: number; p90: number; p97_5: number; p99: number; max: number };
    type Result = {
      requests: Histogram & { total: number };
      latency: Histogram;
      non2xx: number;
      errors: number;
      /** Seconds the run took. */ duration: number;
    };
  }
  function autocannon(
    opts: autocannon.Options,
    cb: (err: Error | null, res: autocannon.Result) => void,
  ): autocannon.Instance;
  export default autocannon;
}
