/** Reads the rep's Kraken email and password from the environment or a terminal prompt. */

import { createInterface } from "node:readline/promises";
import { UsageError } from "./arguments";

export interface Credentials {
  email: string;
  password: string;
}

export async function readCredentials(
  fallback: Credentials | null,
): Promise<Credentials> {
  const email = process.env.KRAKEN_EMAIL;
  const password = process.env.KRAKEN_PASSWORD;
  if (email && password) {
    return { email, password };
  }
  if (!email && !password && fallback) {
    return fallback;
  }
  if (!process.stdin.isTTY) {
    throw new UsageError(
      "Set KRAKEN_EMAIL and KRAKEN_PASSWORD, or run in a terminal to be asked.",
    );
  }
  return {
    email: email || (await ask("Kraken email: ", false)),
    password: password || (await ask("Kraken password: ", true)),
  };
}

async function ask(question: string, hidden: boolean): Promise<string> {
  const prompt = createInterface({
    input: process.stdin,
    output: process.stderr,
    terminal: true,
  });
  if (hidden) {
    // Echo nothing while the password is typed; readline still handles Enter and Backspace.
    const output = prompt as unknown as {
      _writeToOutput: (text: string) => void;
    };
    output._writeToOutput = (text: string) => {
      if (text === question) {
        process.stderr.write(text);
      }
    };
  }
  try {
    const answer = await prompt.question(question);
    if (hidden) {
      process.stderr.write("\n");
    }
    return answer.trim();
  } finally {
    prompt.close();
  }
}
