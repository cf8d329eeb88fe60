package dev.sightline.simulator;

import java.util.List;

/**
 * One person of the simulated organisation, as an identity table would list them.
 *
 * @param upn           the corporate user principal name, {@code first.last@orgdomain}
 * @param displayName   "First Last"
 * @param department    the department's display name
 * @param clientIps     the addresses the person's devices use (office subnet of the department, VPN pool)
 * @param proxyName     how the person's proxy authentication names them in Squid logs: the UPN, or
 *                      {@code NETBIOS\first.last} for Windows-integrated (NTLM) sign-in
 * @param personalEmail the private address the person uses for consumer AI accounts
 */
public record SimulatedUser(
        String upn,
        String displayName,
        String department,
        List<String> clientIps,
        String proxyName,
        String personalEmail) {

    public SimulatedUser {
        clientIps = List.copyOf(clientIps);
    }
}
