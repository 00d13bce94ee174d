package app.tinylytics.gateway.transport;

import graphql.language.Document;
import graphql.language.OperationDefinition;

/** A request whose document parsed and validated, whose operation was found and whose variables fit it. */
public record PreparedOperation(GraphQLRequest request, Document document, OperationDefinition operation) {

    public OperationDefinition.Operation kind() {
        return operation.getOperation();
    }
}
