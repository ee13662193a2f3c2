-- docker compose: Keycloak's own database beside the platform's (postgres runs this once, on a new volume).
CREATE DATABASE keycloak OWNER filing;
