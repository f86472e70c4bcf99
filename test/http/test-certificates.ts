import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Certificates made with the openssl command line at test time (Node can check certificates
 * but not build them): nothing is checked in, and every run has its own fresh keys. A config
 * of our own, so the machine's openssl.cnf does not change what gets built.
 */
const CONFIG = `
[req]
distinguished_name = dn
prompt = no
[dn]
CN = unused
[ca]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
[leaf]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = serverAuth
authorityKeyIdentifier = keyid
subjectAltName = $ENV::SUBJECT_ALT_NAME
`;

export interface KeyPair {
  key: string;
  cert: string;
}

export interface TestCa {
  cert: string;
  /** A server certificate this CA signs, for the given subjectAltName (`IP:127.0.0.1`). */
  issue(subjectAltName: string): Promise<KeyPair>;
}

export interface CertificateWorkshop {
  createCa(name: string): Promise<TestCa>;
  /** Removes every key and certificate made. */
  close(): Promise<void>;
}

export async function openCertificateWorkshop(): Promise<CertificateWorkshop> {
  await run('openssl', ['version']).catch((error: unknown) => {
    const why = error instanceof Error ? error.message : String(error);
    throw new Error(
      `these tests make their certificates with openssl (Debian package "openssl"): ${why}`,
    );
  });
  const dir = await mkdtemp(path.join(tmpdir(), 'gitee-dingtalk-tls-'));
  const config = path.join(dir, 'openssl.cnf');
  await writeFile(config, CONFIG);
  let files = 0;
  const file = (suffix: string) => path.join(dir, `${(files += 1)}.${suffix}`);
  const openssl = (args: string[], subjectAltName = 'IP:127.0.0.1') =>
    run('openssl', args, { env: { ...process.env, SUBJECT_ALT_NAME: subjectAltName } });

  async function newKey(): Promise<string> {
    const key = file('key');
    await openssl([
      'genpkey',
      '-algorithm',
      'EC',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-out',
      key,
    ]);
    return key;
  }

  async function createCa(name: string): Promise<TestCa> {
    const caKey = await newKey();
    const caCert = file('crt');
    await openssl(
      ['req', '-new', '-x509', '-key', caKey, '-subj', `/CN=${name}`, '-days', '2'].concat([
        '-config',
        config,
        '-extensions',
        'ca',
        '-out',
        caCert,
      ]),
    );
    return {
      cert: await readFile(caCert, 'utf8'),
      async issue(subjectAltName) {
        const key = await newKey();
        const request = file('csr');
        const cert = file('crt');
        await openssl([
          'req',
          '-new',
          '-key',
          key,
          '-subj',
          '/CN=robot',
          '-config',
          config,
          '-out',
          request,
        ]);
        await openssl(
          ['x509', '-req', '-in', request, '-CA', caCert, '-CAkey', caKey, '-days', '2']
            .concat(['-set_serial', `0x${randomBytes(8).toString('hex')}`])
            .concat(['-extfile', config, '-extensions', 'leaf', '-out', cert]),
          subjectAltName,
        );
        return { key: await readFile(key, 'utf8'), cert: await readFile(cert, 'utf8') };
      },
    };
  }

  return { createCa, close: () => rm(dir, { recursive: true, force: true }) };
}
