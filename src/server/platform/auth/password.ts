import { hash, verify } from '@node-rs/argon2';

// Argon2id (the library's default algorithm) with OWASP's suggested minimum cost: 19 MiB, 2 passes.
const options = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verifying against this keeps the time of a sign-in with an unknown e-mail like that of a known one.
let dummyHash: Promise<string> | null = null;
export async function verifyDummy(password: string): Promise<void> {
  dummyHash ??= hashPassword('wasl-timing-equaliser');
  await verifyPassword(await dummyHash, password);
}
