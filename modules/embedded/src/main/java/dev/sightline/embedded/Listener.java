package dev.sightline.embedded;

import org.apache.kafka.common.security.auth.SecurityProtocol;

/** One listener of the embedded broker: a name, its security protocol, a loopback port and what it serves. */
record Listener(String name, SecurityProtocol protocol, int port, Role role) {

    /** Loopback only: the embedded broker is never reachable from other machines. */
    static final String HOST = "127.0.0.1";

    /** What a listener is for; the role decides which configuration keys name it. */
    enum Role { CLIENT, CONTROLLER }

    String address() {
        return HOST + ":" + port;
    }

    String uri() {
        return name + "://" + address();
    }
}
