DROP TABLE IF EXISTS agent_heartbeats;
DROP TABLE IF EXISTS deployment_targets;
DROP TABLE IF EXISTS agents;
