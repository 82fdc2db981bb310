// Registers tsx, which runs the TypeScript sources in place, or says what to do where it is not
// installed and exits 1: tsx is a dev dependency (a packaged app carries only built code).
// `what` names what needs it; `otherwise` is a second way out, if there is one.
export async function registerTsx(what, otherwise = '') {
  let api;
  try {
    api = await import('tsx/esm/api');
  } catch (error) {
    if (error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
    process.stderr.write(
      `leadbooth: ${what} needs tsx to run the TypeScript sources, and tsx is not installed (it is a dev dependency). ` +
        `Install the dev dependencies with "npm install" in the LeadBooth folder${otherwise ? `, ${otherwise}` : ''}.\n`,
    );
    process.exit(1);
  }
  api.register();
}
