// The journey metrics contact centers live by, computed through a touchpoint catalog on a LogView; one
// header per metric, each with its exact definition. Include this one to get them all.
#pragma once
#include "tabiji/catalog.hpp"
#include "tabiji/channel_switch.hpp"
#include "tabiji/escalation.hpp"
#include "tabiji/failure_demand.hpp"
#include "tabiji/funnel.hpp"
#include "tabiji/markov.hpp"
#include "tabiji/repeat_contact.hpp"
#include "tabiji/segment_compare.hpp"
#include "tabiji/stage_view.hpp"
#include "tabiji/touchpoint_map.hpp"
