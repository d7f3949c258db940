// Maps IPC error codes to translated user messages. Always switch on the
// code; the Rust message text is for logs, not for users.

import type { MessageKey } from "./i18n";
import type { ErrorCode } from "./ipc";

export function errorMessageKey(code: ErrorCode): MessageKey {
  switch (code) {
    case "invalid_input":
      return "error.invalid_input";
    case "not_found":
      return "error.not_found";
    case "storage":
      return "error.storage";
    case "rule_violation":
      return "error.rule_violation";
    case "wrong_passphrase":
      return "error.wrong_passphrase";
    case "no_key":
      return "error.no_key";
    case "internal":
      return "error.internal";
    default: {
      const unreachable: never = code;
      return unreachable;
    }
  }
}
