package ${package}.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ${package}.aws.SnapStartPriming;
#if( $storeType == 'dynamodb' )
import ${package}.connection.ConnectionStore;
#end
import ${package}.messaging.ConnectionMessenger;
#if( $storeType == 'dynamodb' )
import ${package}.support.StubEndpoint;
import ${package}.support.ThrottlingDynamoDb;
#end
import dev.websocketkit.local.testing.RecordingManagementApi;
#if( $storeType == 'dynamodb' )
import java.util.List;
#end
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Priming runs before SnapStart's snapshot, where nothing may reach the network. */
class SnapStartPrimingTest {

    private RecordingManagementApi managementApi;
    private ConnectionMessenger messenger;
#if( $storeType == 'dynamodb' )
    private StubEndpoint dynamoDb;
    private ConnectionStore connections;
#end

    @BeforeEach
    void startEndpointsThatKeepRequests() {
        managementApi = new RecordingManagementApi(HandlerTest.STAGE);
        messenger = ConnectionMessenger.forCallbackUrl(managementApi.callbackUrl());
#if( $storeType == 'dynamodb' )
        dynamoDb = ThrottlingDynamoDb.start();
        connections = ThrottlingDynamoDb.store(dynamoDb);
#end
    }

    @AfterEach
    void stop() {
        managementApi.close();
#if( $storeType == 'dynamodb' )
        dynamoDb.close();
#end
    }

    @Test
    void everyHandlerPrimesWithoutTouchingTheNetwork() {
#if( $storeType == 'dynamodb' )
        connections.prime();
        new BroadcastHandler(connections, messenger).prime();
#end
        new SendHandler(messenger).prime();
        new DefaultHandler(messenger).prime();

        assertEquals(0, managementApi.posts().size(), "posts to the Management API");
#if( $storeType == 'dynamodb' )
        assertEquals(List.of(), dynamoDb.requests(), "requests to DynamoDB");
#end
    }

    @Test
    void theRegisteredResourceRunsThePrimingBeforeTheCheckpoint() {
        AtomicInteger runs = new AtomicInteger();

        SnapStartPriming.register(runs::incrementAndGet).beforeCheckpoint(null);

        assertEquals(1, runs.get());
    }
}
