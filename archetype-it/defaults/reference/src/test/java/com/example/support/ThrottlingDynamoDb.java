package com.example.support;

import com.example.aws.AwsClients;
import com.example.connection.DynamoDbConnectionStore;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** A real HTTP endpoint that answers every request as a throttled DynamoDB does, and keeps each request's body. */
public final class ThrottlingDynamoDb implements AutoCloseable {

    private static final byte[] THROTTLED = "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ThrottlingException\",\"message\":\"Rate exceeded\"}"
            .getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    public ThrottlingDynamoDb() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            requests.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
            exchange.sendResponseHeaders(400, THROTTLED.length);
            exchange.getResponseBody().write(THROTTLED);
            exchange.close();
        });
        server.start();
    }

    public URI url() {
        return URI.create("http://localhost:" + server.getAddress().getPort());
    }

    /** A client configured as in production, on this endpoint. */
    public DynamoDbClient client() {
        return AwsClients.configure(DynamoDbClient.builder()).endpointOverride(url()).build();
    }

    /** The project's store on this endpoint. */
    public DynamoDbConnectionStore store() {
        return new DynamoDbConnectionStore(client(), "connections", Clock.systemUTC());
    }

    public List<String> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
