package app.tinylytics.gateway.transport;

import java.util.Map;

import app.tinylytics.gateway.support.WireMockProfile;

/** The WireMock upstream with a trusted documents manifest: only its three operations may run. */
public class TrustedDocumentsProfile extends WireMockProfile {

    static final String MANIFEST = "src/test/resources/trusted-documents/manifest.json";

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new java.util.HashMap<>(super.getConfigOverrides());
        overrides.put("gateway.documents.manifest", MANIFEST);
        return overrides;
    }
}
