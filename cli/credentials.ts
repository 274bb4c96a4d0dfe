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
    email: email || (await askVisible("Kraken email: ")),
    password: password || (await askHidden("Kraken password: ")),
  };
}

async function askVisible(question: string): Promise<string> {
  const prompt = createInterface({
    input: process.stdin,
    output: process.stderr,
    terminal: true,
  });
  try {
    return (await prompt.question(question)).trim();
  } finally {
    prompt.close();
  }
}

/** Reads a line in raw mode and echoes nothing, so the password never appears on screen. */
function askHidden(question: string): Promise<string> {
  const input = process.stdin;
  // Echo goes off before the prompt appears, so nothing typed after it is ever shown.
  input.setRawMode(true);
  input.resume();
  process.stderr.write(question);

  return new Promise((resolve, reject) => {
    let typed = "";
    const finish = (error: Error | null) => {
      input.off("data", onData);
      input.setRawMode(false);
      input.pause();
      process.stderr.write("\n");
      if (error) {
        reject(error);
      } else {
        resolve(typed);
      }
    };
    const onData = (chunk: Buffer) => {
      for (const character of chunk.toString("utf8")) {
        if (
          character === "\r" ||
          character === "\n" ||
          character === "\u0004"
        ) {
          finish(null);
          return;
        }
        if (character === "\u0003") {
          finish(new UsageError("Sign-in cancelled."));
          return;
        }
        if (character === "\u007f" || character === "\b") {
          typed = typed.slice(0, -1);
        } else if (character >= " ") {
          typed += character;
        }
      }
    };
    input.on("data", onData);
  });
}
