import { useRef, useState, type FormEvent } from "react";
import { parseAccountNumber } from "../../../shared/account-number";

interface AccountNumberFormProps {
  busy: boolean;
  /** Called only with a valid, normalised account number. */
  onCheck: (accountNumber: string) => void;
}

/** Renders the account-number field, which validates locally so an invalid number never reaches main. */
export function AccountNumberForm(props: AccountNumberFormProps) {
  const [input, setInput] = useState("");
  const [validationMessage, setValidationMessage] = useState<string | null>(
    null,
  );
  const inputRef = useRef<HTMLInputElement>(null);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (props.busy) {
      return;
    }

    const parsed = parseAccountNumber(input);
    if (!parsed.ok) {
      setValidationMessage(parsed.message);
      inputRef.current?.focus();
      return;
    }

    setValidationMessage(null);
    setInput(parsed.accountNumber);
    props.onCheck(parsed.accountNumber);
  }

  const invalid = validationMessage !== null;

  return (
    <form className="form check-form" noValidate onSubmit={handleSubmit}>
      <label htmlFor="account-number">Account number</label>
      <div className="check-form__row">
        <input
          id="account-number"
          ref={inputRef}
          // The field is the screen's only task, so it takes focus when the rep signs in.
          autoFocus
          className="input--account"
          type="text"
          inputMode="text"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          placeholder="A-1A2B3C4D"
          value={input}
          onChange={(event) => {
            setInput(event.target.value);
            if (invalid) {
              setValidationMessage(null);
            }
          }}
          aria-invalid={invalid ? true : undefined}
          aria-describedby={
            invalid ? "account-number-error" : "account-number-hint"
          }
        />
        <button
          type="submit"
          className="button button--primary"
          disabled={props.busy}
          aria-busy={props.busy}
        >
          {props.busy ? "Checking…" : "Check"}
        </button>
      </div>
      {invalid ? (
        <p id="account-number-error" className="field-error" role="alert">
          {validationMessage}
        </p>
      ) : (
        <p id="account-number-hint" className="field-hint">
          It starts with A- and is on the customer's bill or in their online
          account.
        </p>
      )}
    </form>
  );
}
