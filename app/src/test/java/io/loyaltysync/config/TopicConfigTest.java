package io.loyaltysync.config;

import static io.loyaltysync.config.ConfigRefusals.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.loyaltysync.mapping.Template;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * SyncConfig's topic names: the design's defaults, topic.prefix put before every one, and the names
 * refused: a prefix that makes an illegal Kafka topic name, and two options naming one topic (or
 * names Kafka cannot tell apart).
 */
class TopicConfigTest {

  @Test
  void shouldDefaultToTheTopicNamesOfTheDesign() {
    final SyncConfig config = SyncConfig.defaults();

    assertEquals("erp.loyalty-card.changes", config.topic(Template.CARD, TopicRole.ERP_CHANGES));
    assertEquals(
        "crm.msdyn_loyaltycard.changes", config.topic(Template.CARD, TopicRole.CRM_CHANGES));
    assertEquals("crm.msdyn_loyaltycards", config.topic(Template.CARD, TopicRole.CRM_RECORDS));
    assertEquals("erp.loyalty-cards", config.topic(Template.CARD, TopicRole.ERP_RECORDS));
    assertEquals("erp.loyalty-level.changes", config.topic(Template.LEVEL, TopicRole.ERP_CHANGES));
    assertEquals("crm.msdyn_loyaltylevels", config.topic(Template.LEVEL, TopicRole.CRM_RECORDS));
    assertEquals(
        "crm.msdyn_loyaltyrewardpoint.changes",
        config.topic(Template.REWARD_POINT, TopicRole.CRM_CHANGES));
    assertEquals(
        "erp.loyalty-reward-points", config.topic(Template.REWARD_POINT, TopicRole.ERP_RECORDS));
    assertEquals("crm.transactioncurrency.changes", config.currencyTopic());
    assertEquals("loyalty-sync.dead-letter", config.deadLetterTopic());
    assertEquals("loyalty-sync.audit", config.auditTopic());
  }

  @Test
  void shouldPrefixEveryTopic() {
    final SyncConfig config = SyncConfig.from(Map.of("topic.prefix", "test."));

    assertEquals("test.erp.loyalty-cards", config.topic(Template.CARD, TopicRole.ERP_RECORDS));
    assertEquals("test.loyalty-sync.audit", config.auditTopic());
  }

  @Test
  void shouldRefuseATopicPrefixThatMakesAnIllegalTopicName() {
    assertRefused(
        Map.of("topic.prefix", "my prefix."),
        "topic.prefix: 'my prefix.' is not a valid Kafka topic name");

    // 249 characters at most, prefix included: "loyalty-sync.audit" is 18 of them.
    final String prefix = "p".repeat(249 - 18) + ".";
    assertRefused(
        Map.of("topic.prefix", prefix),
        "topic.audit: with topic.prefix, '"
            + prefix
            + "loyalty-sync.audit' is not a valid Kafka topic name (250 characters, at most"
            + " 249)",
        "topic.dead-letter: with topic.prefix, '");
    final String longest = "crm.msdyn_loyaltyrewardpoint.changes";
    final String fits = "p".repeat(249 - longest.length());
    assertEquals(
        fits + longest,
        SyncConfig.from(Map.of("topic.prefix", fits))
            .topic(Template.REWARD_POINT, TopicRole.CRM_CHANGES),
        "exactly 249 characters is allowed");
  }

  @Test
  void shouldRefuseTwoOptionsNamingOneTopic() {
    assertRefused(
        Map.of(
            "topic.prefix", "test.",
            // the job would read its own output as changes
            "topic.card.crm-records", "crm.msdyn_loyaltycard.changes",
            // Kafka cannot hold both: '.' and '_' are one in its metric names
            "topic.audit", "loyalty-sync_dead-letter"),
        "topic.card.crm-records: 'test.crm.msdyn_loyaltycard.changes' is also the topic of"
            + " topic.card.crm-changes",
        "topic.audit: 'test.loyalty-sync_dead-letter' collides with topic.dead-letter's"
            + " 'test.loyalty-sync.dead-letter'");
  }
}
