import { telUrl } from "../../../shared/guidance-config";
import type { WaiverPrompt as WaiverPromptContent } from "../../../shared/guidance";
import { CopyNumberButton } from "./copy-number-button";

/** Waiver guidance for a customer who must pay a deposit. The wording comes from configuration. */
export function WaiverPrompt(props: { waiver: WaiverPromptContent }) {
  const { waiver } = props;
  return (
    <section className="waiver" aria-labelledby="waiver-heading">
      <h3 id="waiver-heading">Call for a waiver</h3>
      <p>
        The customer avoids the deposit only by paying it, or by phoning us if
        they legally qualify for a waiver.
      </p>

      <div className="waiver__phone">
        <span className="waiver__phone-label">Waiver line</span>
        <a className="waiver__phone-link" href={telUrl(waiver.phoneNumber)}>
          {waiver.phoneNumber}
        </a>
        <CopyNumberButton phoneNumber={waiver.phoneNumber} />
      </div>

      <p className="waiver__warning">
        <strong>We decide after the call; do not promise a waiver.</strong>
      </p>

      <div className="waiver__details">
        <div className="waiver__column">
          <h4>What the customer says on the call</h4>
          <blockquote className="waiver__script">
            {waiver.callScript}
          </blockquote>

          <h4>The customer may qualify if they</h4>
          <ul>
            {waiver.qualifications.map((qualification) => (
              <li key={qualification}>{qualification}</li>
            ))}
          </ul>
        </div>

        <div className="waiver__column">
          <h4>Other ways to sign up</h4>
          <ul>
            {waiver.alternatives.map((alternative) => (
              <li key={alternative}>{alternative}</li>
            ))}
          </ul>

          <h4>Before you leave</h4>
          <p>{waiver.adverseActionReminder}</p>
        </div>
      </div>
    </section>
  );
}
