package io.minicloud.charagent.model;

/** Where the gateway stands, from configuration (ACCORDION's Region); null fields are unset. */
public record Location(
    String continent, String country, String city, Double latitude, Double longitude) {}
