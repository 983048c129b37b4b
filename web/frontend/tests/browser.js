// Shared by the browser tests: Debian's Chromium, headless, driven by playwright-core (which never
// downloads a browser), with the flags that keep it off the network.
'use strict';
const { chromium } = require('playwright-core');
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

async function launch(viewport) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'statecraft-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: viewport || { width: 1400, height: 1000 },
  });
  const close = async () => {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  };
  return { context, close };
}

// node TEST --binary PATH --out DIR
function parseArguments() {
  const args = process.argv.slice(2);
  const options = {};
  for (let k = 0; k < args.length; k += 2) options[args[k].replace(/^--/, '')] = args[k + 1];
  if (!options.binary || !options.out) {
    console.error('usage: node TEST --binary build/statecraft --out OUTPUT_DIR');
    process.exit(2);
  }
  fs.mkdirSync(options.out, { recursive: true });
  return options;
}

function check(condition, message) {
  if (!condition) throw new Error('check failed: ' + message);
  console.log('ok - ' + message);
}

// Counts the non-white pixels of an SVG element rendered into a canvas in the page.
async function inkOf(page, selector) {
  return page.evaluate(async (sel) => {
    const svg = document.querySelector(sel);
    const text = new XMLSerializer().serializeToString(svg);
    const image = new Image();
    image.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(text);
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext('2d');
    context.drawImage(image, 0, 0);
    const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
    let ink = 0;
    for (let k = 0; k < pixels.length; k += 4) {
      if (pixels[k] < 200 || pixels[k + 1] < 200 || pixels[k + 2] < 200) ink++;
    }
    return ink;
  }, selector);
}

// `statecraft serve --port 0` with its own store; resolves to {server, url} once it listens.
function startServer(binary, db) {
  return new Promise((resolve, reject) => {
    const server = spawn(binary, ['serve', '--port', '0', '--db', db],
      { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    server.stdout.on('data', (chunk) => {
      output += chunk;
      const match = output.match(/serving (http:\/\/127\.0\.0\.1:\d+\/)/);
      if (match) resolve({ server, url: match[1] });
    });
    server.on('exit', (code) => reject(new Error('statecraft serve exited with ' + code)));
    setTimeout(() => reject(new Error('statecraft serve did not start')), 20000);
  });
}

// Runs axe-core (web/frontend/node_modules) in the page; resolves to the violations of impact
// serious or critical, each as "rule: target (summary)".
async function seriousViolations(page) {
  const axePath = require.resolve('axe-core/axe.min.js');
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) {
    await page.addScriptTag({ path: axePath });
  }
  const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) => violation.nodes.map((node) =>
      `${violation.id} (${violation.impact}): ${node.target.join(' ')} — ${node.failureSummary.split('\n').slice(0, 2).join(' ')}`));
}

// The repository's root (web/frontend/tests/../../..).
const kRepository = require('path').resolve(__dirname, '..', '..', '..');

module.exports = { launch, parseArguments, check, inkOf, startServer, seriousViolations, kRepository };
