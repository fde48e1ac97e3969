package vn.luutru.content;

/** A person named in a congress report, with the role they hold or were elected to. */
public record Person(String name, String role) {}
