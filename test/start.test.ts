/** `npm start`: serve everywhere; sideload into desktop Excel on Windows and macOS only. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { plan } = require("../scripts/start.js") as { plan: (p: string) => { command: string; args: string[]; note: string } };

test.each([["win32"], ["darwin"]])("%s: office-addin-debugging sideloads manifest.xml into desktop Excel with the dev server on 3000", (platform) => {
  const p = plan(platform);
  expect(p.command).toBe("npx");
  expect(p.args).toEqual(expect.arrayContaining(["office-addin-debugging@7", "start", "manifest.xml", "desktop", "excel", "npm run dev-server", "3000"]));
});

test("linux: only the dev server (nothing native to build), with sideloading steps for Excel on the web", () => {
  const p = plan("linux");
  expect(p).toMatchObject({ command: "npm", args: ["run", "dev-server"] });
  expect(p.note).toContain("Ladda upp mitt tillägg");
  expect(p.note).toContain("https://localhost:3000");
});
