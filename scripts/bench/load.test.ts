import { describe, expect, it } from "vitest";
import { parseWrk } from "./load";

const OUTPUT = `Running 20s test @ http://127.0.0.1:3000/
  1 threads and 100 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     7.12ms    3.10ms  98.00ms   90.00%
  Latency Distribution
     50%  612.00us
     75%    8.00ms
     90%   10.20ms
     99%    1.02s
  271000 requests in 20.00s, 7.80GB read
  Socket errors: connect 0, read 2, write 0, timeout 3
  Non-2xx or 3xx responses: 4
Requests/sec:  13550.10
Transfer/sec:    399.00MB
`;

describe("reading wrk's report", () => {
  it("takes throughput, median and tail latency in milliseconds, and every kind of error", () => {
    expect(parseWrk(OUTPUT)).toEqual({ rps: 13550.1, p50: 0.612, p99: 1020, errors: 9 });
  });

  it("refuses output it cannot read rather than reporting zeros", () => {
    expect(() => parseWrk("connection refused")).toThrow(/could not read/);
  });
});
