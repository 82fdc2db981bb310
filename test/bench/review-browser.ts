export async function runReviewBrowserBench(dbPath: string): Promise<void> {
  void dbPath;
}
