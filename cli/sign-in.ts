/** Signs the CLI in for one run. The session lives in memory and is never written to disk. */

import type { CheckError } from "../shared/check-errors";
import { AesGcmCipher } from "../electron/core/aes-gcm-cipher";
import { MemoryStore } from "../electron/core/key-value-store";
import type { KrakenClient } from "../electron/core/kraken-client";
import { toCheckError } from "../electron/core/kraken-errors";
import { KrakenSession } from "../electron/core/kraken-session";
import { TokenVault } from "../electron/core/token-vault";
import { readCredentials, type Credentials } from "./credentials";

export type SignInOutcome =
  { ok: true; session: KrakenSession } | { ok: false; error: CheckError };

export async function signInForRun(
  client: KrakenClient,
  fallback: Credentials | null,
): Promise<SignInOutcome> {
  const credentials = await readCredentials(fallback);
  const vault = new TokenVault(new MemoryStore(), new AesGcmCipher());
  const session = new KrakenSession(client, vault);

  try {
    await session.signIn(credentials.email, credentials.password);
    return { ok: true, session };
  } catch (error) {
    return { ok: false, error: toCheckError(error) };
  }
}
