import * as path from 'node:path';
import { AppPackageError, buildAppPackage } from './app-package';

/** `npm run package -- --env dev`: writes appPackage/build/tandem-dev.zip from env/.env.dev(.user). */
const root = path.resolve(__dirname, '..', '..');
const args = process.argv.slice(2);
const envName = args[args.indexOf('--env') + 1] && args.includes('--env') ? args[args.indexOf('--env') + 1]! : 'local';

try {
  const { zipPath, xmlPath } = buildAppPackage({
    envName,
    envDir: path.join(root, 'env'),
    appPackageDir: path.join(root, 'appPackage'),
    outDir: path.join(root, 'appPackage', 'build'),
    overrides: process.env,
  });
  console.log(`app package written: ${path.relative(root, zipPath)}`);
  console.log(`Outlook add-in only manifest written: ${path.relative(root, xmlPath)}`);
} catch (error) {
  if (!(error instanceof AppPackageError)) throw error;
  console.error(`cannot build the ${envName} app package: ${error.message}`);
  process.exit(1);
}
