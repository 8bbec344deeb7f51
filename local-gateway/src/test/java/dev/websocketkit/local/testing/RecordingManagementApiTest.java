// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RecordingManagementApiTest {

    private final RecordingManagementApi managementApi = new RecordingManagementApi("prod");
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        managementApi.close();
    }

    @Test
    void recordsWhatIsPostedToAConnectionOfItsStage() throws Exception {
        assertEquals(200, post(managementApi.callbackUrl() + "/@connections/abc=", "\"Hello World!\"").statusCode());

        assertEquals(List.of("\"Hello World!\""), managementApi.dataPostedTo("abc="));
        assertEquals(1, managementApi.postCount());
    }

    @Test
    void refusesAnotherStageAsForbiddenAndRecordsNothing() throws Exception {
        String otherStage = managementApi.callbackUrl().toString().replace("/prod", "/beta");

        HttpResponse<String> refused = post(otherStage + "/@connections/abc=", "\"lost\"");

        assertEquals(403, refused.statusCode());
        assertEquals("{\"message\":\"Forbidden\"}", refused.body());
        assertEquals(0, managementApi.postCount());
    }

    @Test
    void answersGoneWithTheHeaderTheSdkMapsAndFailingWith500() throws Exception {
        managementApi.markGone("left=");
        managementApi.markFailing("broken=");

        HttpResponse<String> gone = post(managementApi.callbackUrl() + "/@connections/left=", "\"late\"");

        assertEquals(410, gone.statusCode());
        assertEquals("GoneException", gone.headers().firstValue("x-amzn-ErrorType").orElseThrow());
        assertEquals(500, post(managementApi.callbackUrl() + "/@connections/broken=", "\"late\"").statusCode());
        assertEquals(0, managementApi.postCount());
    }

    private HttpResponse<String> post(String url, String data) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(data)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
