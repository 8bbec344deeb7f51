// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.internal.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.websocketkit.local.internal.template.WebSocketApiDefinition.QueueEventSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which SQS event sources a template has, read from SAM events and event source mappings. */
class QueueEventSourcesTest {

    private static final String WORKER_ARN = "arn:aws:lambda:us-east-1:123456789012:function:Worker";
    private static final String QUEUE_ARN = "arn:aws:sqs:us-east-1:123456789012:queue-1";

    @TempDir
    Path dir;

    @Test
    void readsSqsEventsAndMappingsOfQueuesWithTheirSettingsAndLambdasDefaults() throws Exception {
        Files.writeString(dir.resolve("template.yaml"), """
                Parameters:
                  Batch:
                    Type: String
                    Default: "7"
                Resources:
                  Api:
                    Type: AWS::ApiGatewayV2::Api
                    Properties:
                      ProtocolType: WEBSOCKET
                  Queue:
                    Type: AWS::SQS::Queue
                  Table:
                    Type: AWS::DynamoDB::Table
                  Worker:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: Worker
                      Events:
                        Defaults:
                          Type: SQS
                          Properties:
                            Queue: !GetAtt Queue.Arn
                        Everything:
                          Type: SQS
                          Properties:
                            Queue: !GetAtt Queue.Arn
                            BatchSize: !Ref Batch
                            FunctionResponseTypes: [ReportBatchItemFailures]
                            ScalingConfig:
                              MaximumConcurrency: 3
                        Disabled:
                          Type: SQS
                          Properties:
                            Queue: !GetAtt Queue.Arn
                            Enabled: false
                        Ticks:
                          Type: Schedule
                          Properties:
                            Schedule: rate(1 minute)
                  ByAlias:
                    Type: AWS::Lambda::EventSourceMapping
                    Properties:
                      EventSourceArn: !GetAtt Queue.Arn
                      FunctionName: !Ref Worker.Alias
                      BatchSize: 2
                  ByName:
                    Type: AWS::Lambda::EventSourceMapping
                    Properties:
                      EventSourceArn: !GetAtt Queue.Arn
                      FunctionName: Worker
                  OtherStacksQueue:
                    Type: AWS::Lambda::EventSourceMapping
                    Properties:
                      EventSourceArn: arn:aws:sqs:us-east-1:123456789012:elsewhere
                      FunctionName: !GetAtt Worker.Arn
                  OtherAccountsFunction:
                    Type: AWS::Lambda::EventSourceMapping
                    Properties:
                      EventSourceArn: !GetAtt Queue.Arn
                      FunctionName: arn:aws:lambda:us-east-1:210987654321:function:Stranger
                  TableStream:
                    Type: AWS::Lambda::EventSourceMapping
                    Properties:
                      EventSourceArn: !GetAtt Table.StreamArn
                      FunctionName: !Ref Worker
                  Stream:
                    Type: AWS::Lambda::EventSourceMapping
                    Properties:
                      EventSourceArn: arn:aws:kinesis:us-east-1:123456789012:stream/clicks
                      FunctionName: !Ref Worker
                """);
        TemplateDocument template = TemplateDocument.load(dir.resolve("template.yaml"));
        Intrinsics intrinsics = new Intrinsics(template, "stack", Map.of());
        intrinsics.assign("Worker", "Worker");
        intrinsics.assignAttribute("Worker", "Arn", WORKER_ARN);
        intrinsics.assignAttribute("Worker", "Alias", WORKER_ARN + ":live");
        intrinsics.assignAttribute("Queue", "Arn", QUEUE_ARN);

        assertEquals(List.of(
                new QueueEventSource("Worker", QUEUE_ARN, 10, false, 5),
                new QueueEventSource("Worker", QUEUE_ARN, 7, true, 3),
                new QueueEventSource("Worker", QUEUE_ARN, 2, false, 5),
                new QueueEventSource("Worker", QUEUE_ARN, 10, false, 5),
                new QueueEventSource("Worker", "arn:aws:sqs:us-east-1:123456789012:elsewhere", 10, false, 5)),
                WebSocketApiDefinition.of(template).queueEventSources(intrinsics));
    }
}
