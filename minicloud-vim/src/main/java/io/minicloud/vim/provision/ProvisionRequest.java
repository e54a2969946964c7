package io.minicloud.vim.provision;

import java.time.Instant;

/**
 * What the edge-agent asks for when a REAR contract is signed. Built only by {@link
 * ProvisionRequestParser}, which validates every field.
 *
 * @param contractId the REAR contract id (a DNS-1123 subdomain, at most 253 characters)
 * @param buyerId the buyer's REAR node id
 * @param flavorType K8Slice or VM
 * @param resources the quota's figures
 * @param expiresAt when the contract ends: the credentials do not outlive it
 * @param vm the VM to run; present exactly for a VM contract
 */
public record ProvisionRequest(
    String contractId,
    String buyerId,
    FlavorKind flavorType,
    SliceResources resources,
    Instant expiresAt,
    VmSpec vm) {}
