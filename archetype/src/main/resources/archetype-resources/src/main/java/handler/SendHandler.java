package ${package}.handler;

import ${package}.aws.AwsEnvironment;
import ${package}.messaging.ConnectionMessenger;
import ${package}.messaging.Json;
import com.amazonaws.services.lambda.runtime.Context;
import java.util.Map;

/**
 * The {@code send} route: echoes the message body back to its sender.
 * {@code {"message": "send", "body": "Hello World!"}} comes back as {@code "Hello World!"}.
 */
public final class SendHandler extends TextMessageHandler {

    public SendHandler() {
        this(System.getenv());
    }

    public SendHandler(Map<String, String> environment) {
        super(ConnectionMessenger.fromEnvironment(new AwsEnvironment(environment)));
    }

    @Override
    protected void handleText(String sender, String text, Context context) {
        if (!messenger.send(sender, Json.write(text))) {
            context.getLogger().log("Sender " + sender + " left before the echo arrived");
        }
    }
}
