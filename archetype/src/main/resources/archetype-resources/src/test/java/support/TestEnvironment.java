package ${package}.support;

#if( $storeType == 'dynamodb' )
import ${package}.connection.DynamoDbConnectionStore;
#end
import ${package}.messaging.ConnectionMessenger;
import java.util.HashMap;
import java.util.Map;

/**
 * The variables Lambda would give a function of this project, pointing its SDK clients at local
 * stand-ins: the {@link ManagementApiServer}#if( $storeType == 'dynamodb' ) and {@link DynamoDbLocal}#end.
 */
public final class TestEnvironment {

    private TestEnvironment() {
    }

    public static Map<String, String> forFunctions(ManagementApiServer managementApi) {
        Map<String, String> variables = new HashMap<>();
        variables.put("AWS_REGION", "us-east-1");
        variables.put("AWS_ACCESS_KEY_ID", "AKIDLOCALTEST");
        variables.put("AWS_SECRET_ACCESS_KEY", "local-test-secret");
        variables.put(ConnectionMessenger.CALLBACK_URL_VARIABLE, managementApi.callbackUrl());
#if( $storeType == 'dynamodb' )
        variables.put("AWS_ENDPOINT_URL_DYNAMODB", DynamoDbLocal.endpoint());
        variables.put(DynamoDbConnectionStore.TABLE_VARIABLE, DynamoDbLocal.createConnectionsTable());
#end
        return variables;
    }
}
