// Where the judged development sets live: ../shared/bench beside the repository (BENCH_DIR overrides).
import path from "node:path";

export const BENCH_DIR = process.env.BENCH_DIR ?? path.resolve(__dirname, "..", "..", "..", "shared", "bench");
