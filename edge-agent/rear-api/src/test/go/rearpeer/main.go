// Command rearpeer is a Go REAR peer for the differential tests of rear-api: it reads what our Java
// code writes with the real Kubernetes resource.Quantity (k8s.io/apimachinery, built from Debian's
// kubernetes source package) and with encoding/json into structs that carry the FLUIDOS node's JSON
// tags and field types, as written down in shared/rear/INTEROP.md section 3.3. It is our own code,
// not the node's: only the wire shapes are the node's.
//
//	rearpeer quantity [--quoted]  each stdin line (a JSON string with --quoted) -> "OK <canonical> <String()>" or "ERR <error>"
//	rearpeer compare              each stdin line ["a","b"] -> "OK <a.Cmp(b)>" or "ERR <error>"
//	rearpeer decode <kind>        one JSON document on stdin -> json.Marshal of the decoded value on stdout
//
// decode exits 1 with the error on stderr when the document does not decode, as a Go node would
// fail the call (and, for a flavor list, the whole discovery).
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"time"

	"k8s.io/apimachinery/pkg/api/resource"
)

// NodeIdentity is the node's owner / buyerID / seller object.
type NodeIdentity struct {
	ID                    string          `json:"ID"`
	IP                    string          `json:"IP"`
	Domain                string          `json:"domain"`
	AdditionalInformation *NodeIdentityAI `json:"additionalInformation,omitempty"`
}

// NodeIdentityAI carries the Liqo cluster ID and, from a consumer, its kubeconfig.
type NodeIdentityAI struct {
	LiqoID     string `json:"liqoID,omitempty"`
	Kubeconfig string `json:"kubeconfig,omitempty"`
}

// FlavorType holds the type name and its raw data, decoded in a second step by name.
type FlavorType struct {
	Name string          `json:"name"`
	Data json.RawMessage `json:"data"`
}

// Location: altitude carries the country on the node (its bug, kept on the wire).
type Location struct {
	Latitude        string `json:"latitude,omitempty"`
	Longitude       string `json:"longitude,omitempty"`
	Country         string `json:"altitude,omitempty"`
	City            string `json:"city,omitempty"`
	AdditionalNotes string `json:"additionalNotes,omitempty"`
}

// Price is three strings, empty by default on the node.
type Price struct {
	Amount   string `json:"amount"`
	Currency string `json:"currency"`
	Period   string `json:"period"`
}

// Flavor is one element of GET /api/v2/flavors and the flavor inside a Contract.
type Flavor struct {
	FlavorID            string       `json:"flavorID"`
	ProviderID          string       `json:"providerID"`
	Type                FlavorType   `json:"type"`
	NetworkPropertyType string       `json:"networkPropertyType,omitempty"`
	Timestamp           time.Time    `json:"timestamp"`
	Location            *Location    `json:"location,omitempty"`
	Price               Price        `json:"price"`
	Owner               NodeIdentity `json:"owner"`
	Availability        bool         `json:"availability"`
}

// K8Slice is the data of a k8slice flavor; "charateristics" is the node's spelling.
type K8Slice struct {
	Characteristics K8SliceCharacteristics `json:"charateristics"`
	Properties      Properties             `json:"properties"`
	Policies        Policies               `json:"policies"`
}

type K8SliceCharacteristics struct {
	Architecture string             `json:"architecture"`
	CPU          resource.Quantity  `json:"cpu"`
	Memory       resource.Quantity  `json:"memory"`
	Pods         resource.Quantity  `json:"pods"`
	Gpu          *GPU               `json:"gpu,omitempty"`
	Storage      *resource.Quantity `json:"storage,omitempty"`
}

type GPU struct {
	Model  string            `json:"model"`
	Cores  resource.Quantity `json:"cores"`
	Memory resource.Quantity `json:"memory"`
}

type Properties struct {
	Latency               int                        `json:"latency,omitempty"`
	SecurityStandards     []string                   `json:"securityStandards,omitempty"`
	CarbonFootprint       *CarbonFootprint           `json:"carbonFootprint,omitempty"`
	NetworkAuthorizations *NetworkAuthorizations     `json:"networkAuthorizations,omitempty"`
	AdditionalProperties  map[string]json.RawMessage `json:"additionalProperties,omitempty"`
}

type CarbonFootprint struct {
	Embodied    int   `json:"embodied"`
	Operational []int `json:"operational"`
}

type NetworkAuthorizations struct {
	DeniedCommunications    []NetworkIntent `json:"deniedCommunications"`
	MandatoryCommunications []NetworkIntent `json:"mandatoryCommunications"`
}

type NetworkIntent struct {
	Name            string        `json:"name"`
	Source          NetworkTarget `json:"source"`
	Destination     NetworkTarget `json:"destination"`
	DestinationPort string        `json:"destinationPort"`
	ProtocolType    string        `json:"protocolType"`
}

// NetworkTarget keeps the node's spellings (isHotCluster, resourceSelectors).
type NetworkTarget struct {
	IsHotCluster      bool               `json:"isHotCluster"`
	ResourceSelectors []ResourceSelector `json:"resourceSelectors"`
}

type ResourceSelector struct {
	TypeIdentifier string          `json:"typeIdentifier"`
	Selector       json.RawMessage `json:"selector"`
}

type Policies struct {
	Partitionability Partitionability `json:"partitionability"`
}

type Partitionability struct {
	CPUMin     resource.Quantity `json:"cpuMin"`
	MemoryMin  resource.Quantity `json:"memoryMin"`
	PodsMin    resource.Quantity `json:"podsMin"`
	CPUStep    resource.Quantity `json:"cpuStep"`
	MemoryStep resource.Quantity `json:"memoryStep"`
	PodsStep   resource.Quantity `json:"podsStep"`
}

// Service is the data of a service flavor (no characteristics wrapper).
type Service struct {
	Name                  string          `json:"name"`
	Description           string          `json:"description"`
	Category              string          `json:"category"`
	Tags                  []string        `json:"tags"`
	HostingPolicies       []string        `json:"hostingPolicies"`
	ConfigurationTemplate json.RawMessage `json:"configurationTemplate"`
}

// Configuration is a reservation's {type, data}, data decoded by type.
type Configuration struct {
	Type string          `json:"type"`
	Data json.RawMessage `json:"data"`
}

type K8SliceConfiguration struct {
	CPU     resource.Quantity  `json:"cpu"`
	Memory  resource.Quantity  `json:"memory"`
	Pods    resource.Quantity  `json:"pods"`
	Gpu     *GPU               `json:"gpu,omitempty"`
	Storage *resource.Quantity `json:"storage,omitempty"`
}

type ServiceConfiguration struct {
	HostingPolicy     string          `json:"hostingPolicy,omitempty"`
	ConfigurationData json.RawMessage `json:"configurationData"`
}

// ReserveRequest: buyerID is an object despite its name.
type ReserveRequest struct {
	FlavorID      string         `json:"flavorID"`
	Buyer         NodeIdentity   `json:"buyerID"`
	Configuration *Configuration `json:"configuration,omitempty"`
}

type Transaction struct {
	TransactionID  string         `json:"transactionID"`
	FlavorID       string         `json:"flavorID"`
	Configuration  *Configuration `json:"configuration,omitempty"`
	Buyer          NodeIdentity   `json:"buyer"`
	ClusterID      string         `json:"clusterID"`
	ExpirationTime time.Time      `json:"expirationTime"`
}

type LiqoCredentials struct {
	ClusterID  string `json:"clusterID"`
	Kubeconfig string `json:"kubeconfig"`
}

type IngressTelemetryEndpoint struct {
	Endpoint string   `json:"endpoint"`
	Intents  []string `json:"intents"`
}

type PurchaseRequest struct {
	LiqoCredentials          *LiqoCredentials          `json:"liqoCredentials,omitempty"`
	IngressTelemetryEndpoint *IngressTelemetryEndpoint `json:"ingressTelemetryEndpoint,omitempty"`
}

// Contract: networkAuthorizations is a string here (a ConfigMap name), not the K8Slice object.
type Contract struct {
	ContractID               string                    `json:"contractID"`
	TransactionID            string                    `json:"transactionID"`
	Flavor                   Flavor                    `json:"flavor"`
	Buyer                    NodeIdentity              `json:"buyerID"`
	BuyerClusterID           string                    `json:"buyerClusterID"`
	Seller                   NodeIdentity              `json:"seller"`
	PeeringTargetCredentials LiqoCredentials           `json:"peeringTargetCredentials"`
	ExpirationTime           time.Time                 `json:"expirationTime,omitempty"`
	ExtraInformation         map[string]string         `json:"extraInformation,omitempty"`
	Configuration            *Configuration            `json:"configuration,omitempty"`
	NetworkAuthorizations    string                    `json:"networkAuthorizations,omitempty"`
	IngressTelemetryEndpoint *IngressTelemetryEndpoint `json:"ingressTelemetryEndpoint,omitempty"`
}

// retyped decodes raw into target and returns target's re-encoding, so the output shows the
// canonical quantities Go would write back.
func retyped(raw json.RawMessage, target interface{}) (json.RawMessage, error) {
	if err := json.Unmarshal(raw, target); err != nil {
		return nil, err
	}
	return json.Marshal(target)
}

// checkFlavor decodes type.data by type.name as the node's ForgeFlavorFromObj: only k8slice and
// service are known, anything else fails the flavor (and a Go consumer's whole discovery).
func checkFlavor(f *Flavor) error {
	var err error
	switch f.Type.Name {
	case "k8slice":
		f.Type.Data, err = retyped(f.Type.Data, &K8Slice{})
	case "service":
		f.Type.Data, err = retyped(f.Type.Data, &Service{})
	default:
		return fmt.Errorf("flavor %q: unknown flavor type %q", f.FlavorID, f.Type.Name)
	}
	if err != nil {
		return fmt.Errorf("flavor %q: %s data: %w", f.FlavorID, f.Type.Name, err)
	}
	return nil
}

// checkConfiguration decodes a configuration's data by its type, as the node's reserve handler.
func checkConfiguration(c *Configuration) error {
	if c == nil {
		return nil
	}
	var err error
	switch c.Type {
	case "k8slice":
		c.Data, err = retyped(c.Data, &K8SliceConfiguration{})
	case "service":
		c.Data, err = retyped(c.Data, &ServiceConfiguration{})
	default:
		return fmt.Errorf("unknown configuration type %q", c.Type)
	}
	if err != nil {
		return fmt.Errorf("%s configuration: %w", c.Type, err)
	}
	return nil
}

// decode reads one document of the given kind and returns its re-encoding.
func decode(kind string, in []byte) ([]byte, error) {
	var value interface{}
	var check func() error
	switch kind {
	case "flavor-list":
		var list []Flavor
		value, check = &list, func() error {
			for i := range list {
				if err := checkFlavor(&list[i]); err != nil {
					return err
				}
			}
			return nil
		}
	case "flavor":
		var f Flavor
		value, check = &f, func() error { return checkFlavor(&f) }
	case "transaction":
		var t Transaction
		value, check = &t, func() error { return checkConfiguration(t.Configuration) }
	case "contract":
		var c Contract
		value, check = &c, func() error {
			if err := checkFlavor(&c.Flavor); err != nil {
				return err
			}
			return checkConfiguration(c.Configuration)
		}
	case "reserve-request":
		var r ReserveRequest
		value, check = &r, func() error { return checkConfiguration(r.Configuration) }
	case "purchase-request":
		var p PurchaseRequest
		value, check = &p, func() error { return nil }
	default:
		return nil, fmt.Errorf("unknown kind %q", kind)
	}
	if err := json.Unmarshal(in, value); err != nil {
		return nil, err
	}
	if err := check(); err != nil {
		return nil, err
	}
	return json.Marshal(value)
}

// eachLine calls handle for each stdin line and writes its answer as one line.
func eachLine(handle func(line string) string) error {
	scanner := bufio.NewScanner(os.Stdin)
	scanner.Buffer(make([]byte, 64*1024), 16*1024*1024)
	out := bufio.NewWriter(os.Stdout)
	for scanner.Scan() {
		fmt.Fprintln(out, handle(scanner.Text()))
	}
	if err := scanner.Err(); err != nil {
		return err
	}
	return out.Flush()
}

func canonical(line string, quoted bool) string {
	text := line
	if quoted {
		if err := json.Unmarshal([]byte(line), &text); err != nil {
			return "ERR bad input line: " + err.Error()
		}
	}
	q, err := resource.ParseQuantity(text)
	if err != nil {
		return "ERR " + err.Error()
	}
	// String() returns the parsed text itself when ParseQuantity judged it canonical enough
	// ("+5", "007", "1E3"), and that is what json.Marshal writes back; CanonicalizeBytes is the
	// form Go computes. Both are printed: the first is what our writer must match.
	number, suffix := q.CanonicalizeBytes(nil)
	return "OK " + string(number) + string(suffix) + " " + q.String()
}

func compare(line string) string {
	var pair [2]string
	if err := json.Unmarshal([]byte(line), &pair); err != nil {
		return "ERR bad input line: " + err.Error()
	}
	a, err := resource.ParseQuantity(pair[0])
	if err != nil {
		return "ERR " + err.Error()
	}
	b, err := resource.ParseQuantity(pair[1])
	if err != nil {
		return "ERR " + err.Error()
	}
	return fmt.Sprintf("OK %d", a.Cmp(b))
}

func fail(format string, args ...interface{}) {
	fmt.Fprintf(os.Stderr, format+"\n", args...)
	os.Exit(1)
}

func main() {
	if len(os.Args) < 2 {
		fail("usage: rearpeer quantity [--quoted] | compare | decode <kind>")
	}
	var err error
	switch os.Args[1] {
	case "quantity":
		quoted := len(os.Args) > 2 && os.Args[2] == "--quoted"
		err = eachLine(func(line string) string { return canonical(line, quoted) })
	case "compare":
		err = eachLine(compare)
	case "decode":
		if len(os.Args) != 3 {
			fail("usage: rearpeer decode <kind>")
		}
		in, readErr := io.ReadAll(os.Stdin)
		if readErr != nil {
			fail("reading stdin: %v", readErr)
		}
		out, decodeErr := decode(os.Args[2], in)
		if decodeErr != nil {
			fail("%v", decodeErr)
		}
		_, err = os.Stdout.Write(append(out, '\n'))
	default:
		fail("unknown mode %q", os.Args[1])
	}
	if err != nil {
		fail("%v", err)
	}
}
