// Makes the self-signed certificate the local Graph emulator and identity provider serve over https (msal-node
// and graph-client refuse plain http). Node reads NODE_EXTRA_CA_CERTS only at start, so the npm scripts run
// this first and pass the file to the test process: `npm test` stays one command on a fresh machine.
const fs = require('node:fs');
const path = require('node:path');
const selfsigned = require('selfsigned');

const dir = path.join(__dirname, '..', '.data', 'test-tls');
const certFile = path.join(dir, 'cert.pem');
const keyFile = path.join(dir, 'key.pem');
const DAY = 86_400_000;

async function main() {
  if (fs.existsSync(certFile) && fs.existsSync(keyFile)) {
    const { X509Certificate } = require('node:crypto');
    const cert = new X509Certificate(fs.readFileSync(certFile));
    if (Date.parse(cert.validTo) - Date.now() > 7 * DAY) return;
  }
  fs.mkdirSync(dir, { recursive: true });
  const pems = await selfsigned.generate([{ name: 'commonName', value: 'localhost' }], {
    keySize: 2048,
    notAfterDate: new Date(Date.now() + 365 * DAY),
    extensions: [
      { name: 'basicConstraints', cA: true },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, keyCertSign: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
        ],
      },
    ],
  });
  fs.writeFileSync(keyFile, pems.private, { mode: 0o600 });
  fs.writeFileSync(certFile, pems.cert);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
