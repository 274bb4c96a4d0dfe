import { Kind, parse, type OperationDefinitionNode } from "graphql";
import { z } from "zod";

/** Parts of a GraphQL request body that the sandbox reads before Yoga executes it. */
export interface OperationSummary {
  /** The `operationName` field, or else the name of the document's operation. */
  operationName: string | undefined;
  /** Response keys of the operation's top-level fields, which a rate-limit error sets to null. */
  rootFields: string[];
}

const requestBodySchema = z.object({
  query: z.string().optional(),
  operationName: z.string().nullish(),
});

function selectOperation(
  query: string,
  operationName: string | undefined,
): OperationDefinitionNode | undefined {
  let operations: OperationDefinitionNode[];
  try {
    operations = parse(query).definitions.filter(
      (definition): definition is OperationDefinitionNode =>
        definition.kind === Kind.OPERATION_DEFINITION,
    );
  } catch {
    return undefined;
  }
  if (operationName === undefined) {
    return operations.length === 1 ? operations[0] : undefined;
  }
  return operations.find(
    (operation) => operation.name?.value === operationName,
  );
}

/**
 * Reads the operation name and top-level fields of a GraphQL request body. Returns empty values
 * for bodies that are not valid GraphQL requests, which Yoga rejects later with its own errors.
 */
export function summarizeOperation(body: string): OperationSummary {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { operationName: undefined, rootFields: [] };
  }
  const request = requestBodySchema.safeParse(json);
  if (!request.success) {
    return { operationName: undefined, rootFields: [] };
  }

  const requestedName = request.data.operationName ?? undefined;
  const operation =
    request.data.query === undefined
      ? undefined
      : selectOperation(request.data.query, requestedName);
  const rootFields: string[] = [];
  for (const selection of operation?.selectionSet.selections ?? []) {
    if (selection.kind === Kind.FIELD) {
      rootFields.push(selection.alias?.value ?? selection.name.value);
    }
  }
  return { operationName: requestedName ?? operation?.name?.value, rootFields };
}
