// SPDX-License-Identifier: Apache-2.0

package bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** The floor: a handler that answers a constant and depends on aws-lambda-java-core only. */
public class FloorHandler implements RequestHandler<Object, String> {

    @Override
    public String handleRequest(Object event, Context context) {
        return "ok";
    }
}
