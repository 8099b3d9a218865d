/**
 * Makes ncc's asset names independent of build order. A package bundled into two chunks (`open`, reached from
 * @azure/identity and from snowflake-sdk) has its asset (`xdg-open`) named by whichever chunk the relocator met
 * first: `xdg-open` on one machine, `xdg-open1` on another, and dist/ then differed from a fresh build in CI. An
 * asset whose name is another's plus a number while that other does not exist gets the plain name back, in the file
 * and in every chunk that names it.
 */
import { readdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

const dist = path.resolve(process.argv[2] ?? 'dist');
const files = await readdir(dist);
const present = new Set(files);
const chunks = files.filter((f) => f.endsWith('.js'));

for (const file of files) {
  const plain = /^(.*[^\d])\d+$/.exec(file)?.[1];
  // Content-hashed names (hex) end in digits too, and are stable already.
  if (!plain || present.has(plain) || path.extname(file) !== '' || /^[0-9a-f]{16,}$/.test(file)) continue;
  await rename(path.join(dist, file), path.join(dist, plain));
  present.delete(file);
  present.add(plain);
  for (const chunk of chunks) {
    const text = await readFile(path.join(dist, chunk), 'utf8');
    const renamed = text.replaceAll(`"${file}"`, `"${plain}"`);
    if (renamed !== text) await writeFile(path.join(dist, chunk), renamed);
  }
  console.log(`stable-assets: ${file} -> ${plain}`);
}
