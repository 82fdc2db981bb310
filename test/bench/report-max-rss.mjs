// Preloaded (`node --import`) into a process the benchmarks start as a whole, e.g. `leadbooth scan`:
// at exit it writes the process's peak resident set size (getrusage, all threads) to stderr as
// `max-rss-kb N`, which the benchmark reads. Benchmark tooling only, never loaded by the app.
process.on('exit', () => {
  process.stderr.write(`max-rss-kb ${process.resourceUsage().maxRSS}\n`);
});
