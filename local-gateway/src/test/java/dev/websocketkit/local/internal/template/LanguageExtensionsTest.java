// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.internal.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code Fn::ForEach} expanded as the {@code AWS::LanguageExtensions} transform expands it: the
 * examples of CloudFormation's documentation give what they document, and each way to break a loop
 * stops the template with an error that names the loop.
 */
class LanguageExtensionsTest {

    private static final String TRANSFORM = "Transform: [AWS::LanguageExtensions, AWS::Serverless-2016-10-31]\n";

    @TempDir
    Path dir;

    @Test
    void replicatesAResourceWithTheItemInItsKeyAndForRefOfTheIdentifier() throws IOException {
        TemplateDocument template = load(TRANSFORM + """
                Resources:
                  Fn::ForEach::Tables:
                    - TableName
                    - [Points, Score]
                    - DynamoDB${TableName}:
                        Type: AWS::DynamoDB::Table
                        Properties:
                          TableName: !Ref TableName
                          Tags:
                            - Key: plain
                              Value: ${TableName} stays, as CloudFormation leaves it
                """);

        assertEquals(List.of("DynamoDBPoints", "DynamoDBScore"), List.copyOf(template.resources().keySet()));
        Map<String, Object> score = TemplateDocument.properties(template.resource("DynamoDBScore"));
        assertEquals("Score", score.get("TableName"));
        assertEquals("${TableName} stays, as CloudFormation leaves it",
                TemplateDocument.mapOrEmpty(TemplateDocument.listOrSingleton(score.get("Tags")).get(0)).get("Value"));
    }

    @Test
    void substitutesInSubAndResolvesRefAndGetAttOfASubToTheLogicalIdsTheLoopMade() throws IOException {
        TemplateDocument template = load(TRANSFORM + """
                Resources:
                  Fn::ForEach::Functions:
                    - FunctionId
                    - [ConnectFunction, SendFunction]
                    - ${FunctionId}ErrorsAlarm:
                        Type: AWS::CloudWatch::Alarm
                        Properties:
                          AlarmDescription: !Sub "${AWS::StackName}: ${FunctionId} threw"
                          Dimensions:
                            - Name: FunctionName
                              Value: !Ref
                                Fn::Sub: ${FunctionId}
                          AlarmActions: [!GetAtt [!Sub "${FunctionId}Topic", TopicArn]]
                          OKActions: !Sub ["${Topic}", {Topic: !Ref "${FunctionId}"}]
                """);

        Map<String, Object> alarm = TemplateDocument.properties(template.resource("SendFunctionErrorsAlarm"));
        assertEquals(Map.of("Fn::Sub", "${AWS::StackName}: SendFunction threw"), alarm.get("AlarmDescription"));
        assertEquals(List.of(Map.of("Name", "FunctionName", "Value", Map.of("Ref", "SendFunction"))), alarm.get("Dimensions"));
        assertEquals(List.of(Map.of("Fn::GetAtt", List.of("SendFunctionTopic", "TopicArn"))), alarm.get("AlarmActions"));
        assertEquals(Map.of("Fn::Sub", List.of("${Topic}", Map.of("Topic", Map.of("Ref", "${FunctionId}")))), alarm.get("OKActions"),
                "a Ref's plain string is not a substitution");
    }

    @Test
    void expandsNestedLoopsMultipleResourcesAndCommaDelimitedListParameters() throws IOException {
        String text = TRANSFORM + """
                Parameters:
                  Prefixes:
                    Type: CommaDelimitedList
                    Default: "Transit, Public"
                Resources:
                  Vpc:
                    Type: AWS::EC2::VPC
                  Fn::ForEach::SubnetResources:
                    - Prefix
                    - !Ref Prefixes
                    - Nacl${Prefix}Subnet:
                        Type: AWS::EC2::NetworkAcl
                      Fn::ForEach::LoopInner:
                        - Suffix
                        - [A, B]
                        - ${Prefix}Subnet${Suffix}:
                            Type: AWS::EC2::Subnet
                          Nacl${Prefix}Subnet${Suffix}Association:
                            Type: AWS::EC2::SubnetNetworkAclAssociation
                            Properties:
                              SubnetId: !Ref
                                Fn::Sub: ${Prefix}Subnet${Suffix}
                              NetworkAclId: !Ref
                                Fn::Sub: Nacl${Prefix}Subnet
                """;

        TemplateDocument template = load(text);
        assertEquals(List.of("Vpc", "NaclTransitSubnet", "TransitSubnetA", "NaclTransitSubnetAAssociation", "TransitSubnetB",
                "NaclTransitSubnetBAssociation", "NaclPublicSubnet", "PublicSubnetA", "NaclPublicSubnetAAssociation", "PublicSubnetB",
                "NaclPublicSubnetBAssociation"), List.copyOf(template.resources().keySet()));
        assertEquals(Map.of("SubnetId", Map.of("Ref", "PublicSubnetB"), "NetworkAclId", Map.of("Ref", "NaclPublicSubnet")),
                TemplateDocument.properties(template.resource("NaclPublicSubnetBAssociation")));

        Files.writeString(dir.resolve("template.yaml"), text);
        TemplateDocument overridden = TemplateDocument.load(dir.resolve("template.yaml"), Map.of("Prefixes", "Private"));
        assertEquals(List.of("Vpc", "NaclPrivateSubnet", "PrivateSubnetA", "NaclPrivateSubnetAAssociation", "PrivateSubnetB",
                "NaclPrivateSubnetBAssociation"), List.copyOf(overridden.resources().keySet()));
    }

    @Test
    void expandsLoopsInPropertiesOutputsAndConditionsAndLeavesOutNonAlphanumericCharactersForAmpersand() throws IOException {
        TemplateDocument template = load(TRANSFORM + """
                Mappings:
                  InstanceA:
                    Properties: {ImageId: ami-id1, InstanceType: m5.xlarge}
                Conditions:
                  Fn::ForEach::Regions:
                    - Region
                    - [us-east-1, eu-west-1]
                    - In&{Region}:
                        Fn::Equals: [!Ref AWS::Region, !Ref Region]
                Resources:
                  Fn::ForEach::Instances:
                    - InstanceLogicalId
                    - [InstanceA]
                    - ${InstanceLogicalId}:
                        Type: AWS::EC2::Instance
                        Properties:
                          DisableApiTermination: true
                          Fn::ForEach::Properties:
                            - PropertyName
                            - [ImageId, InstanceType]
                            - ${PropertyName}:
                                Fn::FindInMap: [!Ref InstanceLogicalId, Properties, !Ref PropertyName]
                Outputs:
                  Fn::ForEach::InstanceOutputs:
                    - Identifier
                    - [A]
                    - Fn::ForEach::GetAttLoop:
                        - Property
                        - [PrivateIp, PublicIp]
                        - Instance${Identifier}${Property}:
                            Value: !GetAtt [!Sub "Instance${Identifier}", !Ref Property]
                """);

        assertEquals(Map.of("Fn::Equals", List.of(Map.of("Ref", "AWS::Region"), "eu-west-1")), template.section("Conditions").get("Ineuwest1"));
        assertEquals(Map.of("DisableApiTermination", true,
                        "ImageId", Map.of("Fn::FindInMap", List.of("InstanceA", "Properties", "ImageId")),
                        "InstanceType", Map.of("Fn::FindInMap", List.of("InstanceA", "Properties", "InstanceType"))),
                TemplateDocument.properties(template.resource("InstanceA")));
        assertEquals(Map.of("Value", Map.of("Fn::GetAtt", List.of("InstanceA", "PublicIp"))), template.section("Outputs").get("InstanceAPublicIp"));
        assertEquals(2, template.section("Outputs").size());
    }

    @Test
    void leavesATemplateWithoutLoopsAsItIsAndReadsItsTransforms() throws IOException {
        TemplateDocument plain = load("""
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Table:
                    Type: AWS::DynamoDB::Table
                """);

        assertEquals(List.of("AWS::Serverless-2016-10-31"), plain.transforms());
        assertEquals(List.of("AWS::LanguageExtensions", "AWS::Serverless-2016-10-31"),
                load(TRANSFORM + "Resources: {}\n").transforms());
    }

    @Test
    void namesEachMalformedLoop() {
        String resources = TRANSFORM + "Parameters:\n  Names: {Type: String, Default: a}\nResources:\n  Table:\n    Type: AWS::DynamoDB::Table\n";

        assertFails(resources + "  Fn::ForEach::Alarms: [FunctionId, [A, B]]\n",
                "Resources.Fn::ForEach::Alarms must be a list of three: an identifier, a collection, and a fragment");
        assertFails(resources + "  Fn::ForEach::Alarms: [[FunctionId], [A], {'X${FunctionId}': {}}]\n",
                "Resources.Fn::ForEach::Alarms must be a list of three");
        assertFails(resources + "  Fn::ForEach::Alarms: [FunctionId, [A], [X]]\n",
                "Resources.Fn::ForEach::Alarms must be a list of three");
        assertFails(resources + "  Fn::ForEach::Alarms: [FunctionId, [A, B], {Alarm: {Type: AWS::CloudWatch::Alarm}}]\n",
                "the key Alarm of its fragment contains neither ${FunctionId} nor &{FunctionId}, so every item would make the same key");
        assertFails(resources + "  Fn::ForEach::Alarms: [FunctionId, !GetAtt Table.Arn, {'X${FunctionId}': {}}]\n",
                "its collection must be a list of values or a Ref to a CommaDelimitedList parameter");
        assertFails(resources + "  Fn::ForEach::Alarms: [FunctionId, [{Ref: Table}], {'X${FunctionId}': {}}]\n",
                "the local gateway expands a collection of plain values");
        assertFails(resources + "  Fn::ForEach::Alarms: [FunctionId, !Ref Names, {'X${FunctionId}': {}}]\n",
                "its collection is the parameter Names of Type String; a collection parameter is a CommaDelimitedList or a List<...>");
        assertFails(resources + "  Fn::ForEach::Alarms: [Names, [A], {'X${Names}': {}}]\n",
                "its identifier Names is also a parameter's name");
        assertFails(resources + "  Fn::ForEach::Alarms: [Id, [Table], {'${Id}': {Type: AWS::SNS::Topic}}]\n",
                "Resources.Fn::ForEach::Alarms makes the key Table, which is already there");
        assertFails(resources + "  Fn::ForEach::Table: [Id, [A], {'X${Id}': {Type: AWS::SNS::Topic}}]\n",
                "Fn::ForEach::Table is named like the resource Table");
        assertFails(resources + "  Fn::ForEach::Alarms: [Id, [a-b], {'X${Id}': {Type: AWS::SNS::Topic}}]\n",
                "makes the key \"Xa-b\", which is not alphanumeric, as logical ids must be: &{Id} leaves out the item's other characters");
        assertFails(resources + "  Fn::ForEach::Alarms: [Id, [A], {Fn::ForEach::Inner: [Id, [B], {'X${Id}': {}}]}]\n",
                "Fn::ForEach::Inner: its identifier Id is already the identifier of a loop around it");
        assertFails(resources + "  Fn::ForEach: [Id, [A], {'X${Id}': {}}]\n",
                "Resources.Fn::ForEach: a loop's key is Fn::ForEach::<Name>");
        assertFails(resources + "  Fn::ForEach::Alarms: [Id, [A], {'X${Id}': {}}]\nOutputs:\n  Fn::ForEach::Alarms: [Id, [A], {'X${Id}': {Value: x}}]\n",
                "Outputs.Fn::ForEach::Alarms: another loop of the template has the name Alarms");
    }

    @Test
    void namesALoopWhereCloudFormationOrTheGatewayDoesNotExpandIt() {
        assertFails("""
                Resources:
                  Fn::ForEach::Alarms: [Id, [A], {'X${Id}': {Type: AWS::SNS::Topic}}]
                """, "Resources.Fn::ForEach::Alarms is a Fn::ForEach loop, but the template's Transform does not declare AWS::LanguageExtensions");
        assertFails("""
                Transform: [AWS::Serverless-2016-10-31, AWS::LanguageExtensions]
                Resources: {}
                """, "Transform lists AWS::LanguageExtensions after AWS::Serverless-2016-10-31");
        assertFails(TRANSFORM + """
                Parameters:
                  Fn::ForEach::Names: [Id, [A], {'X${Id}': {Type: String}}]
                """, "Parameters.Fn::ForEach::Names: Fn::ForEach can't be used in Parameters");
        assertFails(TRANSFORM + """
                Resources:
                  Topic:
                    Type: AWS::SNS::Topic
                    Properties:
                      Subscription:
                        - Fn::ForEach::Endpoints: [Id, [A], {'X${Id}': {}}]
                """, "Resources.Topic.Properties.Subscription[0].Fn::ForEach::Endpoints: the local gateway expands Fn::ForEach at the top of");
    }

    private void assertFails(String text, String message) {
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class, () -> load(text), text);
        assertTrue(failure.getMessage().contains(message), failure.getMessage());
        assertTrue(failure.getMessage().startsWith(dir.resolve("template.yaml").toString()), "the error names the file: " + failure.getMessage());
        assertFalse(failure.getMessage().contains("Exception"), failure.getMessage());
    }

    private TemplateDocument load(String text) throws IOException {
        Path file = dir.resolve("template.yaml");
        Files.writeString(file, text);
        return TemplateDocument.load(file);
    }
}
