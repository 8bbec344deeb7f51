package com.example.support;

import com.example.aws.AwsClients;
import com.example.connection.DynamoDbConnectionStore;
import java.net.URI;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** An HTTP endpoint that answers every request as a throttled DynamoDB does, and keeps each request. */
public final class ThrottlingDynamoDb {

    private ThrottlingDynamoDb() {
    }

    public static StubEndpoint start() {
        return new StubEndpoint(400, "application/x-amz-json-1.0",
                "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ThrottlingException\",\"message\":\"Rate exceeded\"}");
    }

    /** A client configured as in production, on the throttling endpoint. */
    public static DynamoDbClient client(StubEndpoint endpoint) {
        return AwsClients.configure(DynamoDbClient.builder()).endpointOverride(URI.create(endpoint.url())).build();
    }

    /** The project's store on the throttling endpoint. */
    public static DynamoDbConnectionStore store(StubEndpoint endpoint) {
        return new DynamoDbConnectionStore(client(endpoint), "connections", Clock.systemUTC());
    }
}
